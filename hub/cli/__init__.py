"""The command line: the only place that reads the environment and the arguments, and reports to a person."""
