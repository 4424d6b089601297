"""The ``ogp`` command line: thin fronts to the layers below, and the editors' tools."""
