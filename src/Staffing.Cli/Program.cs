using var signals = Staffing.Cli.Signals.Interruption.Listen();
return Staffing.Cli.App.Run(args, Console.Out, Console.Error, signals);
