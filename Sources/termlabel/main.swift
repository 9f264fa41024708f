import LabelCore
print("termlabel")
