from guilin_campaign.cli.entry import main

main()
