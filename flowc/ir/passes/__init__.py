"""IR -> IR passes, run in order by `flowc.ir.passes.pipeline.run_passes`."""
