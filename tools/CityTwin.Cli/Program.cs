// Placeholder entry point; replaced by the demo once the ECS kernel lands (issue 2).
System.Console.WriteLine("CityTwin");
