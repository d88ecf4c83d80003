"""The one place YAML syntax lives: reading a file strictly with the line of everything
(:mod:`.read`), and editing its text the way a person would (:mod:`.editor`)."""
