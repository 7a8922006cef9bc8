// The Standards target; filled by its issue.
