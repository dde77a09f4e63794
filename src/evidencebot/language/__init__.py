"""The language checker: spaCy pipeline, phrasebank rules, over-claim and privacy."""
