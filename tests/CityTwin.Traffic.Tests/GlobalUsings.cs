global using CityTwin.Ecs.Core;
global using CityTwin.Traffic.Tests.TestSupport;
