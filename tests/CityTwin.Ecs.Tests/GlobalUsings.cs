global using CityTwin.Ecs.Buffer;
global using CityTwin.Ecs.Core;
global using CityTwin.Ecs.Systems;
global using CityTwin.Ecs.Tests.TestSupport;
