"""Training recipes for sitrep's learned components (need the ``train`` extra: scikit-learn).

Each recipe reads gold data in its original format from ``../shared/eval``, builds feature rows
with the same code the runtime uses, fits with a fixed seed and writes plain JSON coefficients
into ``sitrep/data``; CI retrains on a small subset and checks the shipped numbers.
"""
