"""Known bugs of the engines' local runners, each named once and pointing at the engine's source.

A program declares `XFAIL = {"kfp": "kfp-empty-loop"}` (a key of this table, or a reason
of its own that names the engine's source file): the test on that engine is a strict
xfail with this reason, so it fails (and the entry must go) once the engine is
fixed. Only bugs of an engine belong here; a gap of flowc is never an xfail.
"""

from __future__ import annotations

ENGINE_BUGS: dict[str, str] = {
    "kfp-loop-outer-output": (
        "kfp.local replaces every taskOutputParameter input of a ParallelFor iteration with the loop item "
        "(kfp/local/orchestrator/task_spec_utils.py, create_parameter_loop_iteration_task_spec)"
    ),
    "kfp-loop-item-channel": (
        "kfp.local finds loop items by parsing channel names, so a list from an output key other than "
        "`Output` (a NamedTuple field) is 'not found' (kfp/local/orchestrator/enhanced_dag_orchestrator.py, "
        "_run_parallel_for_task)"
    ),
    "kfp-none-default": (
        "kfp.local raises 'Unknown value type' on an input whose default is None "
        "(kfp/local/orchestrator/orchestrator_utils.py, join_user_inputs_and_defaults)"
    ),
    "kfp-none-argument": (
        "the kfp SDK refuses None as a pipeline argument "
        "(kfp/dsl/types/type_utils.py, _get_type_string_from_component_argument)"
    ),
    "kfp-dag-artifact-only": (
        "kfp.local loses the artifacts of a DAG task that has artifact inputs but no parameter inputs "
        "(kfp/local/orchestrator/task_spec_utils.py, build_nested_dag_arguments)"
    ),
    "kfp-oneof-artifact": (
        "kfp.local refuses a DAG output artifact selected from several branches (dsl.OneOf): "
        "'Expected 1 artifact in ArtifactSelectorSpec' (kfp/local/orchestrator/orchestrator_utils.py, "
        "get_dag_output_artifacts)"
    ),
    "kfp-empty-loop": (
        "kfp.local publishes no fan-in for a ParallelFor over an empty list, so its consumer fails with "
        "'task loop-N not found' (kfp/local/orchestrator/enhanced_dag_orchestrator.py, _run_parallel_for_task "
        "returns before put_task_output)"
    ),
    "kfp-placeholder-json": (
        "kfp.local fills parameter placeholders with json.dumps (1.0 -> '1.0', '[1.0, 2]', keys unsorted), "
        "the KFP launcher with strconv.FormatFloat(f, 'f', -1, 64) and Go's json.Marshal ('1', '[1,2]') "
        "(kfp/local/placeholder_utils.py, resolve_io_placeholders)"
    ),
    "kfp-output-text-mode": (
        "kfp.local reads an output parameter file in text mode, turning \\r and \\r\\n into \\n "
        "(kfp/local/executor_output_utils.py, special_dsl_outputpath_read); the KFP launcher reads the bytes"
    ),
    "kfp-none-int-output": (
        "kfp.local casts every NUMBER_INTEGER output with int(), so a task returning None for "
        "`int | None` raises (kfp/local/executor_output_utils.py, cast_protobuf_numbers)"
    ),
    "kfp-container-artifact-output": (
        "kfp.local collects a task's output artifacts only from the executor output file, so a container "
        "task's Dataset output is lost and its consumer fails with 'task ... not found' "
        "(kfp/local/executor_output_utils.py, get_outputs_from_executor_output); the KFP launcher registers "
        "every declared output artifact (backend/src/v2/component/launcher_v2.go, uploadOutputArtifacts)"
    ),
    "kfp-absent-optional-int": (
        "kfp.local gives an optional input that has no argument and no default an empty value and then "
        "casts it with int() when it is NUMBER_INTEGER (kfp/local/executor_input_utils.py, executor_input_to_dict); "
        "the KFP driver leaves such an input out of the executor input (backend/src/v2/driver/resolve.go, resolveInputs)"
    ),
}
