import Assess
import Tracking

/// Tracking answers what Assess asks of a registration history.
extension Tracker: RegistrationTracking {}
