from guilin_campaign.cli.app import main

main()
