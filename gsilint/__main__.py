from gsilint.cli import main

main()
