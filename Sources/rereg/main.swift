print("rereg")
