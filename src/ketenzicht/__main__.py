from ketenzicht.cli import main

main()
