// Pipeline stage
