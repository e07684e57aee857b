print("trustmap")
