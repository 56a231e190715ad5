from natosite.cli import main

main()
