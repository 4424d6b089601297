"""The build glue: the only code that imports or patches MkDocs, Material or static-i18n."""
