/// Facts about tierlint itself.
public enum TierlintInfo {
    public static let version = "0.1.0"
}
