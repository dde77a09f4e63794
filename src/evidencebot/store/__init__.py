"""The evidence store: SQLite schema, migrations, importers and demo data."""
