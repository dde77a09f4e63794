from evidencebot.cli import main

main()
