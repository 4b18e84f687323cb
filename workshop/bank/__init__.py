"""The content pipeline: the exercise bank (exercises/*.yaml) loaded and validated, its Markdown
and wording helpers, the stated minutes, and the two notebook editions built from it."""
