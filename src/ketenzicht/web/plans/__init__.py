"""The plans app's pages: the caseload and the case, the intake, the risk assessment, the
consultations and MDO, and the household plan."""
