// Reports: diff and stats over typed catalogs; filled by issue 5.
