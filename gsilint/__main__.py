from gsilint.launch import main

main()
