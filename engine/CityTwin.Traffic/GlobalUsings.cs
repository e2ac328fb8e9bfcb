// The ECS is imported here only, so that a move to Arch is a change of these lines (style.md §1.9).
global using CityTwin.Ecs.Core;
