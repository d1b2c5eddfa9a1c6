"""Running a batch: the job that wires the pipeline to inputs, engines, rules and writers; executors; the run memo."""
