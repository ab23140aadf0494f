"""Migration tests against saved old-schema stores."""
