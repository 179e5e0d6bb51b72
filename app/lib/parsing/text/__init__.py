"""Line-level text helpers the other stages share: bullets, separators, invisible characters, the
PDF text's normalisation, hyphenated line ends, letter-spaced text made words again.

Takes raw text lines; gives cleaned lines and small predicates.
"""
