"""The domain: models, checks, graph, move groups, scheduler, money. No I/O."""
