// The Generators target; filled by its issue.
