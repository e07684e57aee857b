print("trustmap-bench")
