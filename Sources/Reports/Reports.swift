// Reports stage
