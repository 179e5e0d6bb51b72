"""Fields read from short texts: the learned heading labeller, the header's name and contact facts,
skills and languages, lists.

Takes heading lines or header/section lines; gives typed values.
"""
