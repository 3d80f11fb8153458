package graph

// FeatureTitle is what the connection test calls f, such as "Read users";
// "" for a feature it does not know.
func FeatureTitle(f Feature) string {
	for _, spec := range features {
		if spec.Feature == f {
			return spec.Title
		}
	}
	return ""
}
