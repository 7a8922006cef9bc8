// Exports: catalog.json, catalog.xml and the SQLite database; filled by issue 5.
