// The Flowchart target; filled by its issue.
