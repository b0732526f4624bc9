return Staffing.Cli.App.Run(args, Console.Out, Console.Error);
