"""The records and their validation: YAML files under data/ read, typed and checked against the schemas."""
