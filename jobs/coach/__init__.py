"""The STAR coach's worker side: the reply job, its prompts and the proposal's truth check."""
