// The Compiler target; filled by its issue.
