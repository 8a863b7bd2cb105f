"""The Kubeflow Pipelines backend: IR -> KFP v2 PipelineSpec YAML, without the kfp SDK."""
