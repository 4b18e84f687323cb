"""The learner's own log: every answer, hint and reveal as an event in a local file, the export
a learner hands in, and the progress report. It knows nothing of rooms: the package root wires
the room to it (progress.log.subscribe)."""
