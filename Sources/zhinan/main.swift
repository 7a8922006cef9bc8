print("zhinan")
