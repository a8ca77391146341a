"""The chat window's behaviour: its controller, the answer session, model picking, the status bar,
and the actions on conversations, messages, attachments, search, export and the welcome page."""
