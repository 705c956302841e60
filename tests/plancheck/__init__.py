"""An independent reading of the planning and money specs, for checking plans the planner writes."""
