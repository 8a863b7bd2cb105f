from flowc import pipeline

X = "ÿþ café"  # E: FLC003 @6
