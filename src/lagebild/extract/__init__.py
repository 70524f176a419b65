"""Built-in pipeline components, one module per fact type. Importing this package registers them."""
from . import structure, mentions, statements, meetings, measures, topics, assessments, events  # noqa: F401
