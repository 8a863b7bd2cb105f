# coding: nope  # E: FLC002 @1
X = 1
